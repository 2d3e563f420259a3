/**
 * The administrators' rotation endpoint.
 */
package de.stadtportal.identity.key.web;
