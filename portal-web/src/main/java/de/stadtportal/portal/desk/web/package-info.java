/**
 * The desk's pages: the editor's cities, a city's articles by status, the article editor with its
 * publishing actions and revisions, a city's coming events with their status, the event form with
 * its recurrence answers and lifecycle steps, the city's venues, its highlights in order and its
 * media library. Every form carries the session's CSRF token; every refusal of the API is shown
 * next to the field it concerns, in the editor's language.
 */
package de.stadtportal.portal.desk.web;
