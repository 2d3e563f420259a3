/**
 * What machines read: {@code sitemap.xml} for search engines (every city, article and venue),
 * an Atom feed of each city's newest articles for feed readers, and {@code robots.txt}.
 */
package de.stadtportal.portal.feed.web;
