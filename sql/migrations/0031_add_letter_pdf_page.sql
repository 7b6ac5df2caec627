-- A rendered letter is a page of a stored batch PDF: the worker renders a batch of letters as one
-- document and stores that file once (by content hash). pdf_sha256 names the stored file that
-- holds the letter, pdf_page is the letter's page in it (0-based), pdf_bytes the size of that
-- file. pdf_page NULL means the whole file is this letter (a letter rendered alone, e.g. when it
-- ran over one page, and letters rendered before this migration).
ALTER TABLE letters ADD COLUMN pdf_page int CHECK (pdf_page >= 0);
