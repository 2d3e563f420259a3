/**
 * The desk's client of the platform's API: every call goes through the gateway with the signed-in
 * editor's access token, and every answer comes back as a value with its ETag or as the API's
 * refusal, so that a page can show the refusal where it belongs instead of failing.
 */
package de.stadtportal.portal.desk.api;
