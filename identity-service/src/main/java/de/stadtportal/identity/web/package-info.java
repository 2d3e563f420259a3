/**
 * What every HTTP-facing part of this servlet service shares: reading the caller from a bearer token and
 * answering refusals as problem documents, in the shape the platform's reactive services use.
 */
package de.stadtportal.identity.web;
