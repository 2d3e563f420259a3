package de.stadtportal.content.city.application;

import de.stadtportal.content.city.domain.Portrait;
import de.stadtportal.kernel.version.IfMatch;

/** Create the city, or replace the portrait of the version the client read. */
public record SaveCity(String slug, Portrait portrait, IfMatch ifMatch) {
}
