package com.storemetrics.base;

/**
 * A bean that keeps state in this node's memory only: a restart forgets it and other nodes never
 * see it (so it may hold caches and observations, never a limit that must hold across nodes). The
 * tests clear every such bean before each test, so none of it leaks from one test into the next.
 */
public interface NodeLocalState {

    /** Forgets everything remembered so far, as a fresh start of this node would. */
    void clear();
}
