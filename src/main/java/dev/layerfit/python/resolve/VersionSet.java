package dev.layerfit.python.resolve;

import java.util.BitSet;

/**
 * A set of versions of one package, as bits over that package's known candidates (index 0 = newest) plus
 * one extra bit, {@code size}, that stands for "versions the index does not list". Requirement sets include
 * that bit, so a requirement that no listed version meets is still a non-empty set, as a range would be;
 * the solver then learns "no versions" at decision time (the approach of pubgrub's {@code NoVersions}).
 * Set algebra is exact because the universe is finite.
 */
final class VersionSet {

    private final BitSet bits;
    private final int size;

    private VersionSet(BitSet bits, int size) {
        this.bits = bits;
        this.size = size;
    }

    static VersionSet empty(int size) {
        return new VersionSet(new BitSet(size + 1), size);
    }

    /** All listed versions and the unlisted ones. */
    static VersionSet full(int size) {
        BitSet b = new BitSet(size + 1);
        b.set(0, size + 1);
        return new VersionSet(b, size);
    }

    static VersionSet of(BitSet bits, int size) {
        return new VersionSet((BitSet) bits.clone(), size);
    }

    static VersionSet single(int index, int size) {
        BitSet b = new BitSet(size + 1);
        b.set(index);
        return new VersionSet(b, size);
    }

    int size() {
        return size;
    }

    boolean contains(int index) {
        return bits.get(index);
    }

    boolean isEmpty() {
        return bits.isEmpty();
    }

    boolean isFull() {
        return bits.cardinality() == size + 1;
    }

    /** Whether the set holds no listed version (it may still hold the "unlisted" bit). */
    boolean hasNoListedVersion() {
        int first = bits.nextSetBit(0);
        return first < 0 || first >= size;
    }

    /** The listed versions, newest first. */
    BitSet listed() {
        BitSet b = (BitSet) bits.clone();
        b.clear(size);
        return b;
    }

    VersionSet intersect(VersionSet o) {
        BitSet b = (BitSet) bits.clone();
        b.and(o.bits);
        return new VersionSet(b, size);
    }

    VersionSet union(VersionSet o) {
        BitSet b = (BitSet) bits.clone();
        b.or(o.bits);
        return new VersionSet(b, size);
    }

    VersionSet minus(VersionSet o) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(o.bits);
        return new VersionSet(b, size);
    }

    VersionSet complement() {
        BitSet b = (BitSet) bits.clone();
        b.flip(0, size + 1);
        return new VersionSet(b, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionSet v && v.size == size && v.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + size;
    }

    @Override
    public String toString() {
        return bits + "/" + size;
    }
}
