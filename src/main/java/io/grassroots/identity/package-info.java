/**
 * Accounts, roles and data scopes: who may sign in, what each role may do, and which part of the region tree, which
 * department or which grid an account may see. Also the security configuration of the console and the REST API.
 * Other modules ask {@link io.grassroots.identity.CurrentUser} who is acting and filter by its {@link
 * io.grassroots.identity.DataScope}.
 */
package io.grassroots.identity;
