/**
 * The content service: city portraits, topic articles and the highlight carousel of each city.
 * <p>
 * Each feature is a package of its own ({@code city}, {@code article}, {@code highlight}) in the
 * layers of docs/architecture.md: {@code domain} decides, {@code application} orchestrates,
 * {@code persistence} stores, {@code web} serves. Every change that other services must learn
 * about is written to the outbox in the same transaction as the row it describes.
 */
package de.stadtportal.content;
