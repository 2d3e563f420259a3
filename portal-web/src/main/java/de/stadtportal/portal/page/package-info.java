/**
 * The site's frame, shared by every page: what a page says about itself to search engines and
 * link previews ({@link PageMeta}), how API paths become portal links ({@link Links}), dates in
 * German ({@link Dates}), caching per kind of page ({@link Caching}), and the 404 and 503 pages
 * that keep the frame ({@link ErrorPages}).
 */
package de.stadtportal.portal.page;
