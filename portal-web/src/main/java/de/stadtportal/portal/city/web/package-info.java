/**
 * The start page and the city portrait: the portrait itself is the one part a city page cannot be
 * without (404 or 503 then); highlights, the three topics, the next events and the other cities
 * are read at the same time and each may be missing on its own.
 */
package de.stadtportal.portal.city.web;
