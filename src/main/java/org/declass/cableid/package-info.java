/**
 * Cable reference ids: the one canonical form ("05RIODEJANEIRO123": two-digit year, origin without spaces and with
 * its aliases resolved, serial without leading zeros), used by the parser for the cable's own id and its REF items,
 * and by the search box. {@link org.declass.cableid.CableIds} builds and canonicalises one id,
 * {@link org.declass.cableid.Citations} finds the ids a REF item cites, {@link org.declass.cableid.Origins} knows the
 * origins Cablegate ids carry and their aliases. <b>Pure Java</b>: imports nothing of Declass.
 */
package org.declass.cableid;
