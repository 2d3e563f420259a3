/**
 * The login page, the filter that turns away attempts while blocked, and the listener for sign-in outcomes.
 */
package de.stadtportal.identity.signin.web;
