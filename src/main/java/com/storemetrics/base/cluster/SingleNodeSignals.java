package com.storemetrics.base.cluster;

/** One node on its own database (HSQLDB): there is nobody else to tell. */
final class SingleNodeSignals implements CrossNodeSignals {

    @Override
    public void send(String topic, String body) {
        // Nothing crosses: the in-process broadcasters already told every open view of this node.
    }

    @Override
    public boolean spansNodes() {
        return false;
    }
}
