export { storeFile, readStoredFile, listDealFiles, dealFileDigests, checkImageUpload, fileUrl, FILE_PURPOSES, type FilePurpose, type StoreFileInput, type StoredFileView } from "./service";
export { sniffImageType, cleanFileName, MAX_FILE_BYTES, type ImageType } from "./sniff";
export { checkPdfDocument, cleanDocumentName, PDF_TYPE } from "./documents";
export { signFileLink, verifyFileLink, signedFileUrl, fileLinkSecret, FILE_LINK_TTL_MS, type FileLinkClaim, type FileLinkCheck } from "./links";
export { issueFileLink, openSignedFile, type SignedFileLink } from "./signed";
