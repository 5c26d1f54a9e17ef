package dev.switchboard.core;

/**
 * Marks the "enum classes" of the API: open sets of string constants that also accept values
 * this version does not know, as servers add them.
 */
public interface Enum {}
