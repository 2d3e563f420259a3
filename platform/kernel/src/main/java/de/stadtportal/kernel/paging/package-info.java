/**
 * Lists served in pages: a query asks for one more row than the page holds, and
 * {@link de.stadtportal.kernel.paging.Slice#of} cuts the page and says whether more follow. The web
 * layer turns the last item into the opaque cursor of the next page.
 */
package de.stadtportal.kernel.paging;
