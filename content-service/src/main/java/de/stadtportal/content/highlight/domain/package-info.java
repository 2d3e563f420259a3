/** A city's teaser carousel as plain Java: what each highlight links and when it may be shown. */
package de.stadtportal.content.highlight.domain;
