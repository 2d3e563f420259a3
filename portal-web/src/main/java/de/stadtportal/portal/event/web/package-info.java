/**
 * The events calendar of a city (date range, category, free, accessible, paged by the API's
 * cursors; cancelled and moved events stay in it, marked) and the event page with the platform's
 * schema.org description embedded and its iCalendar entry to download.
 */
package de.stadtportal.portal.event.web;
