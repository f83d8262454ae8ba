package vn.capuy.membership;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.capuy.system.FieldCipher;

/**
 * At start-up, encrypts citizen IDs and phone numbers still held in plaintext (rows
 * written before encryption at rest, or copied in by an external tool) and empties the
 * plaintext columns.
 */
@Component
@Order(0)
class PersonalDataEncryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataEncryption.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	PersonalDataEncryption(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		record Plain(long id, String citizenId, String phone) {
		}
		List<Plain> rows = this.jdbc
			.sql("SELECT id, citizen_id, phone FROM member WHERE citizen_id IS NOT NULL OR phone IS NOT NULL")
			.query(Plain.class)
			.list();
		for (Plain row : rows) {
			this.jdbc.sql("""
					UPDATE member SET citizen_id_enc = coalesce(:cid, citizen_id_enc),
					  citizen_id_hmac = coalesce(:hmac, citizen_id_hmac), phone_enc = coalesce(:phone, phone_enc),
					  citizen_id = NULL, phone = NULL
					WHERE id = :id
					""")
				.param("cid", this.cipher.encrypt(row.citizenId()))
				.param("hmac", this.cipher.hmac(row.citizenId()))
				.param("phone", this.cipher.encrypt(row.phone()))
				.param("id", row.id())
				.update();
		}
		if (!rows.isEmpty()) {
			log.info("Encrypted the citizen ID and phone of {} members held in plaintext", rows.size());
		}
	}

}
