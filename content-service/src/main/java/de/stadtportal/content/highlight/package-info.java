/**
 * Highlights: the ordered teaser carousel of a city. Editors of the city replace it as a whole
 * (ordering is the point of a carousel, so single-item edits would only invite conflicts);
 * everybody reads the teasers that are valid right now.
 */
package de.stadtportal.content.highlight;
