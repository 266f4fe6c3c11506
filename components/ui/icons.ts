import {
  ActivityIcon,
  ArrowDownIcon,
  ArrowLeftIcon,
  ArrowUpIcon,
  ArrowUpDownIcon,
  BanIcon,
  BarChart3Icon,
  BellIcon,
  BookmarkIcon,
  BuildingIcon,
  Building2Icon,
  CalculatorIcon,
  CameraIcon,
  CheckIcon,
  ChevronDownIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  ChevronsLeftIcon,
  ChevronsRightIcon,
  ChevronsUpDownIcon,
  ChevronUpIcon,
  CogIcon,
  Columns3Icon,
  DownloadIcon,
  FileUpIcon,
  FlaskConicalIcon,
  MailCheckIcon,
  FilterXIcon,
  InboxIcon,
  KanbanSquareIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  ListOrderedIcon,
  LogOutIcon,
  MailIcon,
  MapIcon as LucideMapIcon,
  MenuIcon,
  MessageSquareIcon,
  MonitorIcon,
  MoonIcon,
  PencilIcon,
  PhoneIcon,
  PhoneOffIcon,
  PlusIcon,
  SaveIcon,
  ScrollTextIcon,
  SearchXIcon,
  SendIcon,
  SettingsIcon,
  ShieldCheckIcon,
  SunIcon,
  Trash2Icon,
  UploadIcon,
  UserIcon,
  UserRoundIcon,
  UsersIcon,
  XIcon,
} from "lucide-react";
import { leanIcon } from "./lean-icon";

/**
 * The icons of the shell every page carries and of the pages people keep open (Prospects,
 * a deal, the inbox, the outbox), drawn by `leanIcon`: the same names as lucide's.
 */
export type LeanIcon = ReturnType<typeof leanIcon>;

export const Activity = leanIcon(ActivityIcon);
export const ArrowDown = leanIcon(ArrowDownIcon);
export const ArrowLeft = leanIcon(ArrowLeftIcon);
export const ArrowUp = leanIcon(ArrowUpIcon);
export const ArrowUpDown = leanIcon(ArrowUpDownIcon);
export const Ban = leanIcon(BanIcon);
export const BarChart3 = leanIcon(BarChart3Icon);
export const Bell = leanIcon(BellIcon);
export const Bookmark = leanIcon(BookmarkIcon);
export const Building = leanIcon(BuildingIcon);
export const Building2 = leanIcon(Building2Icon);
export const Calculator = leanIcon(CalculatorIcon);
export const Camera = leanIcon(CameraIcon);
export const Check = leanIcon(CheckIcon);
export const ChevronDown = leanIcon(ChevronDownIcon);
export const ChevronLeft = leanIcon(ChevronLeftIcon);
export const ChevronRight = leanIcon(ChevronRightIcon);
export const ChevronsLeft = leanIcon(ChevronsLeftIcon);
export const ChevronsRight = leanIcon(ChevronsRightIcon);
export const ChevronsUpDown = leanIcon(ChevronsUpDownIcon);
export const ChevronUp = leanIcon(ChevronUpIcon);
export const Cog = leanIcon(CogIcon);
export const Columns3 = leanIcon(Columns3Icon);
export const Download = leanIcon(DownloadIcon);
export const FileUp = leanIcon(FileUpIcon);
export const FilterX = leanIcon(FilterXIcon);
export const Inbox = leanIcon(InboxIcon);
export const KanbanSquare = leanIcon(KanbanSquareIcon);
export const KeyRound = leanIcon(KeyRoundIcon);
export const LayoutDashboard = leanIcon(LayoutDashboardIcon);
export const ListOrdered = leanIcon(ListOrderedIcon);
export const LogOut = leanIcon(LogOutIcon);
export const Mail = leanIcon(MailIcon);
export const Menu = leanIcon(MenuIcon);
export const MessageSquare = leanIcon(MessageSquareIcon);
export const FlaskConical = leanIcon(FlaskConicalIcon);
export const MailCheck = leanIcon(MailCheckIcon);
export const Monitor = leanIcon(MonitorIcon);
export const Moon = leanIcon(MoonIcon);
export const Pencil = leanIcon(PencilIcon);
export const Phone = leanIcon(PhoneIcon);
export const PhoneOff = leanIcon(PhoneOffIcon);
export const Plus = leanIcon(PlusIcon);
export const Save = leanIcon(SaveIcon);
export const ScrollText = leanIcon(ScrollTextIcon);
export const SearchX = leanIcon(SearchXIcon);
export const Send = leanIcon(SendIcon);
export const Settings = leanIcon(SettingsIcon);
export const ShieldCheck = leanIcon(ShieldCheckIcon);
export const Sun = leanIcon(SunIcon);
export const Trash2 = leanIcon(Trash2Icon);
export const Upload = leanIcon(UploadIcon);
export const User = leanIcon(UserIcon);
export const UserRound = leanIcon(UserRoundIcon);
export const Users = leanIcon(UsersIcon);
export const X = leanIcon(XIcon);
/** Named MapIcon: a bare `Map` would shadow the global Map where it is imported. */
export const MapIcon = leanIcon(LucideMapIcon);
