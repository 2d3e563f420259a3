/**
 * {@code GET /api/search} and {@code GET /api/search/suggest}: query parameters checked and parsed
 * into queries, answers shaped as views. Every bad parameter is a 400 problem that names it.
 */
package de.stadtportal.search.query.web;
