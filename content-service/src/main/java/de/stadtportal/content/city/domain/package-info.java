/** A city's portrait as plain Java: what it says about itself and which cities are its neighbours. */
package de.stadtportal.content.city.domain;
