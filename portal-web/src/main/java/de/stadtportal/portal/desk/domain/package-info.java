/**
 * What the desk decides itself, in plain Java: how an editor's answers to "weekly on these days,
 * every n weeks, until a date or n times, except these dates" become an RFC 5545 rule the events
 * API takes. The API checks the rule again; the desk only saves editors from writing one by hand.
 */
package de.stadtportal.portal.desk.domain;
