/** Turns the Markdown editors write into HTML that apps can show without trusting the editor's markup. */
package de.stadtportal.content.article.rendering;
