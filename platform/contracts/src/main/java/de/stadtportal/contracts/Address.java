package de.stadtportal.contracts;

public record Address(String street, String postalCode, String locality) {
}
