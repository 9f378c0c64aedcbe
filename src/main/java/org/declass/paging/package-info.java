/**
 * Paging of lists as a request asks for it: one reading of {@code page} and {@code size} with their bounds, shared by
 * every list of the API and the pages. Imports no other Declass package, so that any feature may use it.
 */
package org.declass.paging;
