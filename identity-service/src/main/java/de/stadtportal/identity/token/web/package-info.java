/**
 * Reading a refresh request without a secret as a public client's.
 */
package de.stadtportal.identity.token.web;
