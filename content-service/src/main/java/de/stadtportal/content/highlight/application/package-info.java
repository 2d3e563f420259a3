/**
 * The carousel use cases: what a visitor or an editor sees now, and replacing the whole carousel
 * (editors of the city, {@code If-Match}). Links to articles are checked through
 * {@code KnownArticles}, cities through {@code KnownCities}.
 */
package de.stadtportal.content.highlight.application;
