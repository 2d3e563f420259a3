/**
 * {@code /api/cities/{city}/media} (upload) and {@code /api/media/{id}} (metadata, description,
 * renditions, original, delete): multipart in, rendition bytes out with caching headers that let
 * every cache keep them for a year, and the links other features' answers carry for an image.
 */
package de.stadtportal.content.media.web;
