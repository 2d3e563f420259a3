/** {@code /api/cities}: public reads, admin-only changes; turns requests into city queries and commands. */
package de.stadtportal.content.city.web;
