/**
 * The content service: city portraits, topic articles and the highlight carousel of each city.
 * <p>
 * Each feature is a package of its own ({@code city}, {@code article}, {@code highlight}); inside,
 * a plain-Java {@code domain} package decides and the package around it stores, publishes and
 * serves. Every change that other services must learn about is written to the outbox in the
 * same transaction as the row it describes.
 */
package de.stadtportal.content;
