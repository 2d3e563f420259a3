/**
 * An article page: the body as the platform rendered and sanitized it, in the language asked for
 * when a translation exists (the API says which it served), with links to the other languages.
 */
package de.stadtportal.portal.article.web;
