/** A venue page: address, map coordinates, accessibility and the venue's coming events. */
package de.stadtportal.portal.venue.web;
