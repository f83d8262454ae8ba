package vn.capuy.sample;

import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

/**
 * Loads the sample committee (stub: filled by the sample work).
 */
@Component
public class SampleCommittee {

	/** Loads the whole sample in one transaction, reporting progress in percent. */
	public void load(IntConsumer progress) {
		progress.accept(100);
	}

}
