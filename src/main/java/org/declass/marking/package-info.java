/**
 * The classification vocabulary and its rules: levels, portion marks, banner roll-up, declassification
 * instructions and findings. Pure Java: no framework imports, no dependency on any other Declass package.
 */
package org.declass.marking;
