/** Shared by the local engines; not API. */
package dev.switchboard.local.internal;
