/**
 * The append-only, tamper-evident history of every administrative change and every case event: one hash chain per
 * stream (one stream per aggregate), verified by a command and an admin page that point at the first broken link.
 */
package io.grassroots.audit;
