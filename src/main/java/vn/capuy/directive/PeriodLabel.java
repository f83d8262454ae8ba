package vn.capuy.directive;

import vn.capuy.system.PartyDates;

/** A period as forms print it: {@code 01/07/2007 – 31/12/2007}. */
final class PeriodLabel {

	private PeriodLabel() {
	}

	static String of(Directives.Period period) {
		return PartyDates.shortForm(period.start()) + " – " + PartyDates.shortForm(period.end());
	}

}
