package org.retrovue.fakeplex;

import java.util.Map;

/** A library together with the items touched since it was added (item index to new updatedAt): one snapshot. */
record Section(Library library, Map<Integer, Long> touched) {
    Section {
        touched = Map.copyOf(touched);
    }

    long updatedAt(int index, long untouched) {
        if (touched.isEmpty()) {
            return untouched;
        }
        Long at = touched.get(index);
        return at == null ? untouched : at;
    }
}
