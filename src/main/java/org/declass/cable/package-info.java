/** The cable as received: identity, overall marking, paragraphs with their marks, original text; queries and views. */
package org.declass.cable;
