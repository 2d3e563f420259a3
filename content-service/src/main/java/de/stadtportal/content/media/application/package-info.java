/**
 * The media use cases: uploading (checked to be a real, bounded image before anything is stored),
 * describing, deleting an item nothing shows any more, and serving renditions, each made once and
 * kept. Image work runs off the event loop with a bounded number at a time, so memory stays flat
 * whatever arrives.
 */
package de.stadtportal.content.media.application;
