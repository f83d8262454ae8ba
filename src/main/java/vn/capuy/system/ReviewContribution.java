package vn.capuy.system;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's figures for a drafted review report (sơ kết, tổng kết) or a yearly report:
 * annex tables over a period for a scope, computed from the data. The directive module
 * gathers every contribution.
 */
public interface ReviewContribution {

	/** Orders the tables in the annex. */
	int order();

	List<AnnexTable> tables(ScopeRef scope, LocalDate from, LocalDate to);

	/**
	 * A statistical table: a title key, column header keys, rows of cells (strings or
	 * numbers), each with the key of the row label or a literal label.
	 */
	record AnnexTable(String titleKey, List<String> columnKeys, List<List<Object>> rows) {
	}

}
