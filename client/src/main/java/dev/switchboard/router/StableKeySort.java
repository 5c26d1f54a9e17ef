package dev.switchboard.router;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders deployments by a key computed once for each, keeping ties in the order given. Strategies that
 * sort by a live figure (calls in flight, latency) use it so the figure is read n times, not twice per
 * comparison; pools are small, so an insertion sort is all it takes.
 */
final class StableKeySort {
    private StableKeySort() {}

    /** {@code deployments} sorted by ascending {@code keys[i]} (the key of {@code deployments.get(i)}), ties in given order. */
    static List<Deployment> sorted(List<Deployment> deployments, double[] keys) {
        int n = deployments.size();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i;
            // Strictly greater moves: an equal key stays behind the one before it.
            while (j > 0 && keys[index[j - 1]] > keys[i]) {
                index[j] = index[j - 1];
                j--;
            }
            index[j] = i;
        }
        List<Deployment> out = new ArrayList<>(n);
        for (int i : index) out.add(deployments.get(i));
        return out;
    }
}
