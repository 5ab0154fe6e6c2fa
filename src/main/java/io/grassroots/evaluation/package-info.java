/**
 * Case-level evaluation (在线评议): staff callbacks within the evaluation window, «no reply» when the window runs out,
 * the street's rating of the department for each closed case, and the cases a supervisor may reopen.
 */
package io.grassroots.evaluation;
