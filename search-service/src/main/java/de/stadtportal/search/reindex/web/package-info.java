/**
 * {@code POST} and {@code GET /api/search/reindex}, for admins: the caller and the answer as a view.
 */
package de.stadtportal.search.reindex.web;
