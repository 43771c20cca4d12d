/** Who is signed in and what they may do: users, roles, login protection and the web security set-up. */
package com.storemetrics.security;
