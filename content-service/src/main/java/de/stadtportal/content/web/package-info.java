/**
 * What the web layers of all three features share: the image body every request and answer uses,
 * and the request examples of the API document. It depends on no feature, so every feature's
 * {@code web} may use it.
 */
package de.stadtportal.content.web;
