/**
 * One JSON configuration for request bodies: what a client sends is taken as it is typed, or refused
 * with a 400 naming the field. No number silently becomes a title, no epoch number becomes a date,
 * and no text reaches a store that the store cannot keep (NUL, unpaired surrogates, years outside
 * 1–9999).
 */
package de.stadtportal.web.json;
