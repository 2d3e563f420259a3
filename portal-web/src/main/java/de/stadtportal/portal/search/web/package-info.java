/**
 * The search page: one box over articles, events and venues, the API's facets as filters, its
 * cursors as paging, and its snippets with only their {@code <mark>} kept as markup.
 */
package de.stadtportal.portal.search.web;
